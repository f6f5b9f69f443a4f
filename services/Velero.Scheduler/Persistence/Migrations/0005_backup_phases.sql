-- Every phase upstream's Backup can show: backups synced from a storage location arrive in any ended phase, and a
-- backup being deleted is Deleting.
alter table backups drop constraint backups_phase_check;
alter table backups add constraint backups_phase_check check (phase in (
    'New', 'Queued', 'ReadyToStart', 'FailedValidation', 'InProgress', 'WaitingForPluginOperations',
    'WaitingForPluginOperationsPartiallyFailed', 'Finalizing', 'FinalizingPartiallyFailed', 'Completed',
    'PartiallyFailed', 'Failed', 'Deleting'));
