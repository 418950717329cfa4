console.log('never');
import './missing.mjs';
