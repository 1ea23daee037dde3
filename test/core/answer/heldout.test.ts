import { describeEvalSet } from "./eval-set.js";

// test/fixtures/questions.heldout.yml: the first set written blind. Measured when written:
// tune 71/72 = 98.6%, final 68/73 = 93.2% (the final half has since been looked at).
describeEvalSet("question answering on the held-out set", "held-out", "questions.heldout.yml", {
  tune: 0.95,
  final: 0.9,
});
