import type { ChannelSender, Clock, Logger, MediaStorage, Metrics, Transactor } from './ports.ts';
import { RetryLaterError } from './retry-later-error.ts';

type Deps = {
  tx: Transactor;
  clock: Clock;
  channel: Pick<ChannelSender, 'fetchMedia'>;
  storage: MediaStorage;
  metrics: Metrics;
  log: Logger;
  maxBytes: number;
};

/** Downloads a patient's photo or document from the provider into encrypted storage (only with the patient's consent). */
export async function fetchInboundMedia(deps: Deps, mediaId: string): Promise<'stored' | 'too_large' | 'failed' | 'skipped' | 'discarded'> {
  const media = await deps.tx.run((repos) => repos.media.find(mediaId));
  if (media === undefined || media.state !== 'pending') return 'skipped';
  // Files are kept only with consent (ADR 13): without it the file is never downloaded.
  const consent = await deps.tx.run((repos) => repos.consents.latestDecision(media.patientId));
  if (consent !== 'granted') {
    await deps.tx.run(async (repos) => {
      await repos.media.markUnavailable(media.id, 'discarded', 'no consent');
      await repos.audit.append({ actorType: 'system', action: 'media.discarded', entityType: 'Media', entityId: media.id, patientId: media.patientId, outcome: 'success', detail: { reason: 'no_consent' } }, deps.clock.now());
    });
    deps.metrics.count('media_downloads_total', { outcome: 'discarded' });
    return 'discarded';
  }
  const result = await deps.channel.fetchMedia(media.providerMediaId, deps.maxBytes);
  if (result.ok) {
    const storageKey = `patients/${media.patientId}/media/${media.id}`;
    await deps.storage.put(storageKey, result.bytes);
    const now = deps.clock.now();
    await deps.tx.run(async (repos) => {
      await repos.media.markStored(media.id, { storageKey, byteSize: result.bytes.byteLength, mimeType: result.mimeType }, now);
      await repos.audit.append(
        { actorType: 'system', action: 'media.stored', entityType: 'Media', entityId: media.id, patientId: media.patientId, outcome: 'success', detail: { bytes: result.bytes.byteLength } },
        now,
      );
    });
    deps.metrics.count('media_downloads_total', { outcome: 'stored' });
    return 'stored';
  }
  if (result.tooLarge) {
    await deps.tx.run((repos) => repos.media.markUnavailable(media.id, 'too_large', result.reason));
    deps.metrics.count('media_downloads_total', { outcome: 'too_large' });
    return 'too_large';
  }
  if (result.retryable) throw new RetryLaterError(`media download failed: ${result.title}`);
  await deps.tx.run((repos) => repos.media.markUnavailable(media.id, 'failed', result.reason));
  deps.metrics.count('media_downloads_total', { outcome: 'failed' });
  deps.log.warn({ mediaId: media.id, code: result.code }, 'media.failed');
  return 'failed';
}
