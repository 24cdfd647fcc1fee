// One batchUpdate request kind's handler: it changes the working copy and may answer.
import type { Json, Spreadsheet } from './model-types';

export type RequestHandler = (ss: Spreadsheet, request: Json, where: string) => Json | undefined;
