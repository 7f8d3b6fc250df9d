/** The query key of "who is signed in"; its own module so the app's start-up does not load the schemas. */
export const meKey = ['me'] as const;

/** Set when the person signed out on purpose, so the shell does not offer to bring them back afterwards. */
export const signedOutKey = ['session', 'signed-out'] as const;
