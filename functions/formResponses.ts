// The Google Form door: a CloudEvent function on the Pub/Sub topic the Forms API watch
// (RESPONSES) publishes to. The message says only "something changed" (formId, watchId,
// eventType; maybe not even that), so the function trusts none of it: it checks the
// attributes it can, then lists the responses since its watermark and hands them to the
// intake (shared/pipeline/response-listing.ts).
import * as functions from '@google-cloud/functions-framework';
import type { CloudEvent } from '@google-cloud/functions-framework';
import { UpstreamError } from '../shared/errors';
import { createResponseListing, type ListingDeps } from '../shared/pipeline/response-listing';
import { formsRuntime } from '../shared/runtime';
import './body-guard'; // limits before the framework reads a body

/** The Pub/Sub message as Eventarc delivers it (data of a messagePublished CloudEvent). */
export interface PubSubData {
  message?: { attributes?: Record<string, string>; data?: string; messageId?: string; publishTime?: string };
  subscription?: string;
}

export type FormResponsesDeps = ListingDeps;

export function createFormResponses(deps: () => Promise<FormResponsesDeps>, opts: { overlapMs?: number } = {}) {
  // Deploy with max-instances=1: one instance at a time is what makes memory enough to
  // note an edit once (shared/pipeline/form-responses.ts).
  const listing = createResponseListing(opts.overlapMs);

  return async (event: CloudEvent<PubSubData>): Promise<void> => {
    const d = await deps();
    const attributes = event.data?.message?.attributes ?? {};
    if (attributes.formId && attributes.formId !== d.formId) {
      d.logger.log('WARNING', 'formResponses: notification for another form ignored', { formId: attributes.formId });
      return;
    }
    if (attributes.eventType && attributes.eventType !== 'RESPONSES') return; // a SCHEMA watch changes no response
    try {
      await listing(d);
    } catch (error) {
      // Thrown only for faults a retry can fix (Sheets or Forms unavailable), so the
      // trigger delivers again; anything else is logged and the message acknowledged.
      if (error instanceof UpstreamError && error.transient) throw error;
      d.logger.log('ERROR', 'formResponses: pass failed', { error });
    }
  };
}

export const formResponses = createFormResponses(formsRuntime);
functions.cloudEvent<PubSubData>('formResponses', formResponses);
