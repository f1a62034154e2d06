"""Clean paragraphs for the smoke corpus, written for this harness.

They contain nothing any built-in rule reports, so in smoke mode every finding comes from an
injected defect and the expected counts are exact.
"""

ZH = [
    "阳台上的小菜园不需要很大的空间。一个朝南的窗台，几只深一点的花盆，再加上排水良好的土壤，就可以种出够一家人吃的葱和香菜。",
    "播种之前先把土壤浇透，等表面稍微干一些再撒种子。种子上面盖一层薄土，厚度大约是种子直径的两倍，然后用喷壶轻轻喷湿。",
    "发芽以后要让幼苗晒到足够的阳光，否则茎会长得又细又长，风一吹就倒。每天转动一次花盆，可以让植株长得更直。",
    "浇水的时间最好选在早上。傍晚浇水会让叶片整夜潮湿，容易生病；中午浇水则会让一部分水很快蒸发掉。",
    "如果叶片发黄，不一定是缺肥。先检查盆底的排水孔有没有堵住，再看看是不是浇水太勤，根部长期泡在水里也会让叶子变黄。",
    "收获的时候不要一次把整棵菜拔掉，只剪外圈的叶子，中间的嫩芽还会继续长，一盆菜可以吃上好几个星期。",
    "冬天气温低，很多蔬菜长得很慢。这时可以把花盆移到室内靠窗的位置，或者改种耐寒的菠菜和小白菜。",
    "记录每次播种、施肥和收获的日期是个好习惯。一年下来，你会清楚地知道哪些品种适合自己的阳台，哪些不值得再种。",
]

EN = [
    "A small vegetable patch on a balcony needs less room than most people think. A window that faces south, a few deep pots and soil that drains well are enough to grow herbs for a whole family.",
    "Water the soil thoroughly before sowing, then wait until the surface is slightly dry. Cover the seeds with a thin layer of soil, about twice as deep as the seeds are wide, and mist them gently.",
    "Once the seedlings appear they need plenty of light, or their stems grow long and thin and fall over in the first breeze. Turning each pot a little every day keeps the plants upright.",
    "Morning is the best time to water. Leaves that stay wet through the night invite disease, and water poured at noon partly evaporates before the roots can take it up.",
    "Yellow leaves do not always mean the plant is hungry. Check first whether the drainage hole is blocked and whether you water too often, because roots that sit in water turn leaves yellow as well.",
    "When you harvest, cut the outer leaves instead of pulling up the whole plant. The young shoots in the middle keep growing, and a single pot can feed you for several weeks.",
    "Most vegetables grow slowly in winter. Move the pots indoors next to a bright window, or switch to hardy crops such as spinach and small cabbages.",
    "Keeping a notebook with the dates of sowing, feeding and harvesting pays off. After a year you know which varieties suit your balcony and which are not worth growing again.",
]
