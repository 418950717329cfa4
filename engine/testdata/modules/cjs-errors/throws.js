console.log("throws runs"); throw new RangeError("thrown while loading");
