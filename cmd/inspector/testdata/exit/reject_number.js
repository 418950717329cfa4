// An unhandled rejection with a non-error: node's UnhandledPromiseRejection.
Promise.reject(7);
