import { runDatabaseCommand } from './database.js'

// npm run migrate — applies pending migrations (the service also does at start).
await runDatabaseCommand('migrate')
