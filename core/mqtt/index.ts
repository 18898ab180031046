export { createMqttBridge, type MqttBridge, type MqttBridgeDeps } from './bridge.js';
export { parseSetPayload, type SetCommand } from './commands.js';
export { discoveryPayload, discoveryTopic, type DiscoveryPayload, type DiscoveryScope } from './discovery.js';
export { nodeName } from './options.js';
export { topicLayout, topicMatches, type ParsedTopic, type TopicLayout } from './topics.js';
