// Event consumers of the notifications domain (in-app notifications and their emails).
export {};
