console.log('thrower');
throw new TypeError('boom');
