import { loadConfig } from '@chorus/service-kit';
import { embeddedConfigSchema } from '../config/embedded-config.js';
import { dataDirFrom } from '../config/data-dir.js';
import { startConnectorHost } from '../config/connectors-file.js';
import { startEmbedded } from '../embedded/start-embedded.js';
import { onShutdownSignal } from './shutdown-signal.js';

export async function runStart(env: NodeJS.ProcessEnv): Promise<void> {
  const config = loadConfig(embeddedConfigSchema, env);
  const connectors =
    config.CHORUS_CONNECTORS_FILE === undefined
      ? undefined
      : await startConnectorHost(config.CHORUS_CONNECTORS_FILE, process.cwd(), undefined, {
          allowPrivateNetworkTargets: config.CHORUS_ALLOW_PRIVATE_NETWORK_TARGETS,
        });
  const host = await startEmbedded({
    dataDir: dataDirFrom(config.CHORUS_DATA_DIR),
    port: config.PORT,
    host: config.HOST,
    logLevel: config.LOG_LEVEL,
    ...(config.CHORUS_CONSOLE_DIR === undefined ? {} : { consoleDir: config.CHORUS_CONSOLE_DIR }),
    ...(config.CHORUS_PUBLIC_URL === undefined ? {} : { publicUrl: config.CHORUS_PUBLIC_URL }),
    ...(config.CHORUS_TRUST_PROXY === undefined ? {} : { trustProxy: config.CHORUS_TRUST_PROXY }),
    ...(connectors === undefined ? {} : { connectors }),
    allowPrivateNetworkTargets: config.CHORUS_ALLOW_PRIVATE_NETWORK_TARGETS,
    ...(config.CHORUS_SMTP_URL === undefined ? {} : { smtpUrl: config.CHORUS_SMTP_URL }),
    ...(config.CHORUS_MAIL_FROM === undefined ? {} : { mailFrom: config.CHORUS_MAIL_FROM }),
    allowPlaintextSmtp: config.CHORUS_SMTP_ALLOW_PLAINTEXT,
    ...(config.CHORUS_VAULT_MASTER_KEYS === undefined
      ? {}
      : { vaultMasterKeys: config.CHORUS_VAULT_MASTER_KEYS }),
  });
  onShutdownSignal(async () => {
    await host.close();
    await connectors?.close();
  });
}
