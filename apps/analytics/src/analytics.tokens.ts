export const KPI_TRACKER_REPOSITORY = Symbol('analytics:kpi-tracker-repository');
