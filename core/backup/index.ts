export { createBackup, verifyBackup, CONFIG_NAME, DATABASE_NAME, MANIFEST_NAME, type BackupManifest, type CreateBackupOptions, type VerifiedBackup } from './archive.js';
export { runBackupCli, BACKUP_HELP } from './cli.js';
export { backupDir, backupFileName, databasePath } from './paths.js';
export { restoreBackup, type RestoreOptions, type RestoreResult } from './restore.js';
export { createBackupRoutes, type BackupRouteDeps } from './routes.js';
export { backupAndRotate, backupsToRotate, createDailyBackups, type DailyBackupOptions } from './schedule.js';
export { fileSnapshot, integrityProblems, onlineSnapshot, type Snapshot } from './snapshot.js';
