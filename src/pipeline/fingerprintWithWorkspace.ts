import type { ResolvedConfig } from '../config/resolveConfig.js';
import { findFingerprints, signCorpus, type CandidateSearch, type CorpusFingerprints, type CorpusText, type PairVerification } from '../fingerprint/fingerprintCorpus.js';
import type { SignatureLog } from '../fingerprint/signatureLog.js';
import type { ArticleText } from '../types.js';
import type { Workspace } from '../workspace/openWorkspace.js';
import { workspaceKeys } from './workspaceKeys.js';

/**
 * The fingerprint stage through the workspace. The same articles under the same ingest and
 * fingerprint config give the stored result outright; otherwise each article's signatures are
 * reused when its document and the fingerprint parameters are unchanged (a threshold change
 * re-runs LSH and verification only; a new shingle size signs everything again).
 */
export async function fingerprintWithWorkspace(
  /** The articles, or how to read them whole when the run holds only their leads and the stored result cannot be used. */
  given: ArticleText[] | (() => ArticleText[]),
  docHashes: Map<string, string>,
  /** workspaceKeys.corpus of the articles, computed once per run. */
  corpusKey: string,
  config: ResolvedConfig,
  workspace: Workspace,
  /** Signatures the ingest workers made this run (IngestResult.signatures): stored, not made again. */
  signedBefore?: SignatureLog,
  search?: CandidateSearch,
  /** Where the texts are read, when not from the articles (IngestResult.folds). */
  text?: CorpusText,
  verify?: PairVerification,
): Promise<CorpusFingerprints> {
  const stageKey = workspaceKeys.fingerprintStage(config);
  const stored = workspace.getStageResult<CorpusFingerprints>('fingerprint', corpusKey, stageKey);
  if (stored) return stored;
  const articles = typeof given === 'function' ? given() : given;
  const signatureKey = workspaceKeys.signatures(config);
  // Signatures are read and written in one transaction; the search that follows touches no row.
  const signed = workspace.batch(() =>
    signCorpus(
      articles,
      config,
      {
        get: (article) => workspace.getSignatures(docHashes.get(article.id)!, signatureKey),
        put: (article, signatures) => workspace.putSignatures(docHashes.get(article.id)!, signatureKey, signatures),
      },
      text,
      signedBefore,
    ),
  );
  // Given back before verification, the stage's peak (Workspace.releaseMemory).
  workspace.releaseMemory();
  const result = await findFingerprints(signed, config, search, verify);
  workspace.putStageResult('fingerprint', corpusKey, stageKey, result);
  return result;
}
