/** Offers data to the user as a downloaded file, without any permission. */
export function saveJsonFile(fileName: string, data: unknown): void {
  saveTextFile(fileName, JSON.stringify(data), 'application/json');
}

/** Offers text to the user as a downloaded file. */
export function saveTextFile(fileName: string, text: string, type: string): void {
  const blob = new Blob([text], { type });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  // The click starts the download synchronously; the URL can go after this task.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
