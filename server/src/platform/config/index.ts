export { loadConfig, ConfigError, REPO_ROOT, type Config } from './config.ts';
