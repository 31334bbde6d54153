export { channelConnectedV1, type ChannelConnectedV1 } from './channel-connected.v1.js';
export { channelDisconnectedV1, type ChannelDisconnectedV1 } from './channel-disconnected.v1.js';
export { channelReauthRequiredV1, type ChannelReauthRequiredV1 } from './channel-reauth-required.v1.js';
export { notificationRequestedV1, type NotificationRequestedV1 } from './notification-requested.v1.js';
export { notificationRequestedV2, type NotificationRequestedV2 } from './notification-requested.v2.js';
