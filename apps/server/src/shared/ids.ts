import { v7 } from 'uuid';

/** Time-ordered UUIDs (v7), generated here because PostgreSQL 15 has no uuidv7(). */
export const newId = (): string => v7();
