// What a Forms watch would publish to Pub/Sub, delivered as the CloudEvent an
// Eventarc/Pub/Sub-triggered Cloud Function receives. Per the push-notification guide
// the message carries only attributes (formId, watchId, eventType) and no form or
// response data: the subscriber has to call the API to learn what changed.
import { randomInt } from 'node:crypto';
import type { EventType, WatchRecord } from './model';

export interface FormsPubSubEvent {
  specversion: '1.0';
  id: string;
  source: string;
  type: 'google.cloud.pubsub.topic.v1.messagePublished';
  time: string;
  datacontenttype: 'application/json';
  data: {
    message: {
      attributes: { formId: string; watchId: string; eventType: EventType };
      messageId: string;
      publishTime: string;
      data?: string;
    };
    subscription: string;
  };
}

export type EventListener = (topicName: string, event: FormsPubSubEvent) => void | Promise<void>;

export class Publisher {
  private readonly listeners: EventListener[] = [];
  private readonly pending = new Set<Promise<void>>();
  private readonly errors: unknown[] = [];
  // Pub/Sub message ids are decimal strings; start somewhere random, then count up.
  private nextId = 10_000_000_000 + randomInt(0, 2 ** 40);

  on(listener: EventListener): void {
    this.listeners.push(listener);
  }

  build(w: WatchRecord, publishMs: number): FormsPubSubEvent {
    const messageId = String(this.nextId++);
    const publishTime = new Date(publishMs).toISOString();
    const [, project = 'local', , topic = 'topic'] = w.topicName.split('/');
    return {
      specversion: '1.0',
      id: messageId,
      source: `//pubsub.googleapis.com/${w.topicName}`,
      type: 'google.cloud.pubsub.topic.v1.messagePublished',
      time: publishTime,
      datacontenttype: 'application/json',
      data: {
        message: { attributes: { formId: w.formId, watchId: w.id, eventType: w.eventType }, messageId, publishTime },
        subscription: `projects/${project}/subscriptions/forms-emulator-${topic}`,
      },
    };
  }

  /**
   * Delivers on a later turn of the event loop, so the HTTP answer that caused the
   * change goes out first, as with real Pub/Sub. A throwing listener is recorded, never
   * rethrown: a subscriber bug must not take the emulator down.
   */
  publish(batch: Array<{ topicName: string; event: FormsPubSubEvent }>): void {
    if (batch.length === 0) return;
    const run = new Promise<void>((resolve) => setImmediate(resolve)).then(async () => {
      for (const { topicName, event } of batch) {
        for (const listener of this.listeners) {
          try {
            await listener(topicName, structuredClone(event));
          } catch (e) {
            this.errors.push(e);
          }
        }
      }
    });
    this.pending.add(run);
    void run.finally(() => this.pending.delete(run));
  }

  /** Resolves once every event published so far has been handed to the listeners. */
  async flush(): Promise<void> {
    while (this.pending.size) await Promise.all([...this.pending]);
  }

  listenerErrors(): unknown[] {
    return [...this.errors];
  }

  clearErrors(): void {
    this.errors.length = 0;
  }
}
