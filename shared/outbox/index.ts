// The outbox: the log tab read as "what was already done", its keys and its entries.
export { intent, mark, PERMANENT_FAILURE, recipientTag, sendResult, type SendOutcome } from './entries';
export { outbox, parseStamp, type OutboxStatus } from './fold';
export { anonymisedCallOf, confirmationOf, digestKey, outboxKey, type Keyed } from './keys';
