export const AD_ACCOUNT_REPOSITORY = Symbol('ads:ad-account-repository');
