/**
 * What the broker reports about delivery, for metrics: a plain listener API
 * ({@link dev.jetemu.broker.observe.DeliveryListener}) that knows nothing of any metrics library,
 * and the handler and payload buffer that measure publish-to-delivery latency.
 */
package dev.jetemu.broker.observe;
