/** Exit codes, as Terraform's: 0 success, 1 error, 2 changes present (with -detailed-exitcode). */
export const EXIT_OK = 0;
export const EXIT_ERROR = 1;
export const EXIT_CHANGES = 2;
/** `fmt -check` found files that need formatting. */
export const EXIT_FMT_CHECK = 3;
