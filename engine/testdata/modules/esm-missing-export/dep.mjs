console.log('never either');
export const yes = 1;
