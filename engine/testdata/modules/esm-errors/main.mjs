console.log('before');
import './thrower.mjs';
