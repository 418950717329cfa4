// --unhandled-rejections=warn-with-error-code: a warning, exit code 1.
Promise.reject(42);
setTimeout(() => console.log('kept running'), 1);
