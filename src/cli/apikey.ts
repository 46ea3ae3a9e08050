import { runDatabaseCommand } from './database.js'

// npm run apikey -- create | list | revoke (see commands.ts for the usage).
await runDatabaseCommand('apikey')
