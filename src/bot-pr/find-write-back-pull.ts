import type { ObservedPull } from "../github/vocabulary.js";
import type { BotPrPort } from "../github/github-api.js";
import { WRITE_BACK_BRANCH } from "../sync/write-back-branch.js";
import { WriteBackPrBody } from "./write-back-pr-body.js";

/** Nova's open write-back pull request with its parsed body. */
export interface OpenWriteBack {
  pull: ObservedPull;
  body: WriteBackPrBody;
}

/**
 * Nova's open pull request on `nova/checklist`: opened by the app's bot user and carrying the
 * write-back marker (identity never comes from a title or from someone else's pull request).
 * One request.
 */
export async function findOpenWriteBack(
  pulls: Pick<BotPrPort, "listPullsForBranch">,
  botLogin: string,
): Promise<OpenWriteBack | null> {
  for (const pull of await pulls.listPullsForBranch(WRITE_BACK_BRANCH, "open", 10)) {
    if (pull.author.toLowerCase() !== botLogin.toLowerCase()) continue;
    const body = WriteBackPrBody.parse(pull.body);
    if (body) return { pull, body };
  }
  return null;
}
