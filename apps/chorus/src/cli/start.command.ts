import { loadConfig } from '@chorus/service-kit';
import { embeddedConfigSchema } from '../config/embedded-config.js';
import { dataDirFrom } from '../config/data-dir.js';
import { startEmbedded } from '../embedded/start-embedded.js';
import { onShutdownSignal } from './shutdown-signal.js';

export async function runStart(env: NodeJS.ProcessEnv): Promise<void> {
  const config = loadConfig(embeddedConfigSchema, env);
  const host = await startEmbedded({
    dataDir: dataDirFrom(config.CHORUS_DATA_DIR),
    port: config.PORT,
    host: config.HOST,
    logLevel: config.LOG_LEVEL,
    ...(config.CHORUS_CONSOLE_DIR === undefined ? {} : { consoleDir: config.CHORUS_CONSOLE_DIR }),
  });
  onShutdownSignal(() => host.close());
}
