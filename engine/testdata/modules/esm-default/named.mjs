export default function named() {}
