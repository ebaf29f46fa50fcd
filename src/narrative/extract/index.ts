/**
 * The claim extractors of a body paragraph, in the order ../parse.ts parseBody runs them. The order is the order of
 * the paragraph's claims, and later extractors read the claims of earlier ones (each module's header says which):
 * keep it.
 */
import { amounts } from "./amounts";
import { changes, flatChanges } from "./changes";
import { charts } from "./charts";
import { classes } from "./classes";
import { counts } from "./counts";
import { enumerations } from "./enumerations";
import { enumMarkers } from "./enumMarkers";
import { executions } from "./executions";
import { projects } from "./projects";
import { reasons } from "./reasons";
import { shares } from "./shares";
import { subjects } from "./subjects";
import { figures, type TokenReader } from "./tokens";
import type { Extractor } from "./util";

/** The readers of a paragraph's figures, asked in this order about each token; the first that takes it claims it. */
export const TOKEN_READERS: readonly TokenReader[] = [changes, executions, shares, amounts, counts];

export const EXTRACTORS: readonly Extractor[] = [
  charts,
  enumMarkers,
  figures(TOKEN_READERS),
  flatChanges,
  reasons,
  enumerations,
  classes,
  subjects,
  projects,
];

export type { Extractor, ParagraphCtx } from "./util";
export type { TokenReader } from "./tokens";

