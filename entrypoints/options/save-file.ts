/** Offers data to the user as a downloaded file, without any permission. */
export function saveFile(fileName: string, data: Blob): void {
  const url = URL.createObjectURL(data);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  // The click starts the download synchronously; the URL can go after this task.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** Offers a JSON document as a downloaded file. */
export function saveJsonFile(fileName: string, data: unknown): void {
  saveFile(fileName, new Blob([JSON.stringify(data)], { type: 'application/json' }));
}

/** Offers text to the user as a downloaded file. */
export function saveTextFile(fileName: string, text: string, type: string): void {
  saveFile(fileName, new Blob([text], { type }));
}
