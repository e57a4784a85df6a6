// The report formats of `validate`, as plain names: the command's registration lists them in its
// help without loading the formatters (and what they import) at start-up.
export const FORMAT_NAMES = ['stylish', 'json', 'github', 'sarif', 'junit'] as const;
export type FormatName = (typeof FORMAT_NAMES)[number];
