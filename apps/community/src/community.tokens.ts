export const SAVED_REPLY_REPOSITORY = Symbol('community:saved-reply-repository');
