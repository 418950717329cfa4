export const two = 2;
export const shared = 'two';
