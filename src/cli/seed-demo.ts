import { runDatabaseCommand } from './database.js'

// npm run seed:demo — loads the demo county into the configured database (DATABASE_URL, else PGlite
// in DATA_DIR, through the running service when one runs there). Safe to run again: it only adds
// what is missing.
await runDatabaseCommand('seed:demo')
