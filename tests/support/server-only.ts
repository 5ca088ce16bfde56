// Stands in for the 'server-only' guard when server modules are tested in Node.
export {};
