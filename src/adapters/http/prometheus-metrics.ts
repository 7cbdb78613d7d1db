import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { MetricName, Metrics } from '../../app/ports.ts';

export interface PrometheusMetrics extends Metrics {
  registry: Registry;
}

/** Prometheus metrics for /metrics. Labels carry kinds and outcomes only, never ids or PHI. */
export function createPrometheusMetrics(queueDepth: () => Promise<Record<string, number>>): PrometheusMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'hale_' });
  const counters: Partial<Record<MetricName, Counter>> = {
    webhook_requests_total: new Counter({ name: 'hale_webhook_requests_total', help: 'Webhook POSTs by outcome (accepted, rejected_signature, not_configured)', labelNames: ['outcome'], registers: [registry] }),
    webhook_events_total: new Counter({ name: 'hale_webhook_events_total', help: 'Webhook items by kind and outcome (stored, duplicate)', labelNames: ['kind', 'outcome'], registers: [registry] }),
    sends_total: new Counter({ name: 'hale_sends_total', help: 'Outbound send attempts by outcome (accepted, retry, failed)', labelNames: ['outcome'], registers: [registry] }),
    statuses_total: new Counter({ name: 'hale_statuses_total', help: 'Delivery statuses by status and outcome (applied, stale, unknown)', labelNames: ['status', 'outcome'], registers: [registry] }),
    media_downloads_total: new Counter({ name: 'hale_media_downloads_total', help: 'Inbound media downloads by outcome', labelNames: ['outcome'], registers: [registry] }),
  };
  const histograms: Partial<Record<MetricName, Histogram>> = {
    send_latency_seconds: new Histogram({
      name: 'hale_send_latency_seconds',
      help: 'Time the Graph API took to accept a message',
      buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
  };
  new Gauge({
    name: 'hale_queue_depth',
    help: 'Jobs waiting or running per queue',
    labelNames: ['queue'],
    registers: [registry],
    async collect() {
      try {
        for (const [queue, depth] of Object.entries(await queueDepth())) this.set({ queue }, depth);
      } catch {
        // The database may be down; /readyz reports that.
      }
    },
  });
  return {
    registry,
    count(name, labels, by = 1) {
      counters[name]?.inc(labels, by);
    },
    observe(name, labels, value) {
      histograms[name]?.observe(labels, value);
    },
  };
}
