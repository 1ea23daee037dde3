// Slack request signing comes from the tests' helper, so the bench signs exactly like the tests.
export { signatureHeaders as slackSignatureHeaders } from "../test/support/slack-signing.js";
