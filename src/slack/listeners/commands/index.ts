import type { App } from "@slack/bolt";
import type { SlackDeps } from "../../deps.js";
import { ecsVsEksCommand } from "./ecs-vs-eks.js";

export function registerCommands(app: App, deps: SlackDeps): void {
  app.command(deps.command, ecsVsEksCommand(deps));
}
