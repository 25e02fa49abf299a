/**
 * The drizzle schema (drizzle-kit reads this file; migrations in ./migrations): the tables, one file per concern
 * in ./schema/.
 */
export * from './schema/chat-tables.js';
export * from './schema/headline-tables.js';
export * from './schema/report-tables.js';
