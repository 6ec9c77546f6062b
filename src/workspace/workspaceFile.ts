/** The workspace's name inside the output folder. */
export const WORKSPACE_FILE = 'workspace.sqlite';
