export const one = 1;
export const shared = 'one';
export default 'one default';
