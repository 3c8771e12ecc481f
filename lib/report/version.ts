/** The tool version written into exports; kept equal to package.json by a unit test. */
export const TOOL_VERSION = '0.2.0';
