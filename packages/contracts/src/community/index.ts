export { crisisDetectedV1, type CrisisDetectedV1 } from './crisis-detected.v1.js';
export { crisisResolvedV1, type CrisisResolvedV1 } from './crisis-resolved.v1.js';
export { interactionReceivedV1, type InteractionReceivedV1 } from './interaction-received.v1.js';
export { leadQualifiedV1, type LeadQualifiedV1 } from './lead-qualified.v1.js';
