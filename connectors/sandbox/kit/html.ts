/** Text made safe for a simulator's HTML page (admin pages, App Store screens). */
export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
