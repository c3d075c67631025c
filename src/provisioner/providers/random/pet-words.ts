/**
 * Word lists for `random_pet`, written for streamform: lowercase, ASCII, no separators, so any
 * combination is a valid name part. Names are animals; adjectives and adverbs are friendly.
 */

/** Animal names (the last word of a pet name). */
export const PET_NAMES: readonly string[] = [
  'aardvark', 'albatross', 'alpaca', 'anchovy', 'anole', 'antelope', 'armadillo', 'axolotl', 'baboon', 'badger',
  'barracuda', 'basilisk', 'beagle', 'beaver', 'bison', 'bluejay', 'bobcat', 'bonobo', 'buffalo', 'bullfrog',
  'buzzard', 'camel', 'capybara', 'caracal', 'cardinal', 'caribou', 'catfish', 'chameleon', 'cheetah', 'chinchilla',
  'chipmunk', 'cicada', 'clam', 'cobra', 'condor', 'cormorant', 'cougar', 'coyote', 'crab', 'crane',
  'cricket', 'crow', 'cuckoo', 'dingo', 'dolphin', 'donkey', 'dormouse', 'dove', 'dragonfly', 'duck',
  'eagle', 'eel', 'egret', 'elephant', 'elk', 'emu', 'ermine', 'falcon', 'ferret', 'finch',
  'firefly', 'flamingo', 'fox', 'gazelle', 'gecko', 'gerbil', 'gibbon', 'giraffe', 'gnu', 'goldfinch',
  'goose', 'gopher', 'gorilla', 'grasshopper', 'grouse', 'guppy', 'hamster', 'hare', 'hawk', 'hedgehog',
  'heron', 'hippo', 'hornet', 'husky', 'ibex', 'ibis', 'iguana', 'impala', 'jackal', 'jaguar',
  'jellyfish', 'kangaroo', 'kestrel', 'kingfisher', 'kiwi', 'koala', 'koi', 'ladybug', 'lark', 'lemming',
  'lemur', 'leopard', 'lion', 'llama', 'lobster', 'lynx', 'macaw', 'magpie', 'mallard', 'manatee',
  'mantis', 'marmot', 'marten', 'meerkat', 'mink', 'mole', 'mongoose', 'moose', 'moth', 'mustang',
  'narwhal', 'newt', 'nightingale', 'ocelot', 'octopus', 'okapi', 'opossum', 'orca', 'oriole', 'osprey',
  'ostrich', 'otter', 'owl', 'oyster', 'panda', 'panther', 'parakeet', 'parrot', 'peacock', 'pelican',
  'penguin', 'pheasant', 'pigeon', 'piranha', 'platypus', 'polecat', 'pony', 'porcupine', 'puffin', 'puma',
  'quail', 'quokka', 'rabbit', 'raccoon', 'raven', 'reindeer', 'robin', 'salamander', 'salmon', 'sandpiper',
  'seahorse', 'seal', 'shrew', 'skunk', 'sloth', 'snail', 'sparrow', 'squid', 'squirrel', 'starling',
  'stingray', 'stork', 'swallow', 'swan', 'tapir', 'tarsier', 'termite', 'tern', 'tiger', 'toad',
  'tortoise', 'toucan', 'trout', 'tuna', 'turtle', 'urchin', 'vole', 'vulture', 'wallaby', 'walrus',
  'warbler', 'wasp', 'weasel', 'whale', 'wildcat', 'wolf', 'wombat', 'woodpecker', 'wren', 'yak', 'zebra',
];

/** Adjectives (the word before the name). */
export const PET_ADJECTIVES: readonly string[] = [
  'able', 'agile', 'alert', 'amazed', 'ample', 'amused', 'awake', 'balanced', 'bold', 'brave',
  'bright', 'brisk', 'busy', 'calm', 'capable', 'careful', 'casual', 'charming', 'cheerful', 'civil',
  'clean', 'clear', 'clever', 'close', 'comic', 'cosmic', 'cozy', 'crisp', 'curious', 'daring',
  'dear', 'decent', 'deep', 'direct', 'distinct', 'dynamic', 'eager', 'easy', 'elegant', 'epic',
  'exact', 'fair', 'famous', 'fancy', 'fast', 'fine', 'firm', 'fit', 'flowing', 'fluent',
  'fond', 'frank', 'free', 'fresh', 'friendly', 'funny', 'gentle', 'genuine', 'giving', 'glad',
  'golden', 'good', 'grand', 'grateful', 'great', 'handy', 'happy', 'hardy', 'helpful', 'honest',
  'hopeful', 'humble', 'ideal', 'intent', 'jolly', 'joyful', 'keen', 'kind', 'large', 'lasting',
  'light', 'likely', 'live', 'lively', 'logical', 'loyal', 'lucky', 'lunar', 'magical', 'major',
  'mellow', 'merry', 'mighty', 'modest', 'moral', 'motivated', 'musical', 'mutual', 'natural', 'neat',
  'nice', 'nimble', 'noble', 'novel', 'open', 'optimal', 'patient', 'peaceful', 'perfect', 'pleasant',
  'polite', 'positive', 'precious', 'premium', 'present', 'pretty', 'prime', 'proper', 'proud', 'quick',
  'quiet', 'rapid', 'rare', 'ready', 'real', 'regal', 'relaxed', 'resolved', 'rich', 'robust',
  'rosy', 'safe', 'sharp', 'shining', 'simple', 'sincere', 'smart', 'smooth', 'solid', 'sound',
  'sparkling', 'special', 'splendid', 'stable', 'steady', 'still', 'strong', 'sturdy', 'sunny', 'super',
  'sure', 'sweet', 'swift', 'tender', 'thankful', 'tidy', 'tough', 'tranquil', 'true', 'trusty',
  'upbeat', 'useful', 'valid', 'vast', 'verified', 'vital', 'vivid', 'warm', 'welcome', 'whole',
  'wise', 'witty', 'wondrous', 'worthy', 'young', 'zealous',
];

/** Adverbs (words before the adjective when length > 2). */
export const PET_ADVERBS: readonly string[] = [
  'ably', 'actively', 'amazingly', 'amply', 'boldly', 'briefly', 'brightly', 'briskly', 'busily', 'calmly',
  'carefully', 'casually', 'cheaply', 'cleanly', 'clearly', 'cleverly', 'closely', 'curiously', 'daily', 'dearly',
  'deeply', 'deftly', 'directly', 'duly', 'eagerly', 'easily', 'evenly', 'exactly', 'fairly', 'firmly',
  'fluently', 'fondly', 'frankly', 'freely', 'freshly', 'fully', 'gently', 'genuinely', 'gladly', 'gratefully',
  'greatly', 'happily', 'hardly', 'highly', 'honestly', 'hopefully', 'humbly', 'ideally', 'intently', 'jointly',
  'jolly', 'justly', 'keenly', 'kindly', 'largely', 'lately', 'lightly', 'likely', 'lively', 'loudly',
  'loyally', 'luckily', 'mainly', 'manually', 'merely', 'mildly', 'mostly', 'neatly', 'newly', 'nicely',
  'nimbly', 'nobly', 'notably', 'openly', 'overly', 'partly', 'patiently', 'perfectly', 'plainly', 'politely',
  'possibly', 'presently', 'pretty', 'promptly', 'properly', 'proudly', 'purely', 'quickly', 'quietly', 'rapidly',
  'rarely', 'readily', 'really', 'recently', 'rightly', 'safely', 'scarcely', 'sharply', 'simply', 'sincerely',
  'slowly', 'smoothly', 'softly', 'solely', 'solidly', 'specially', 'steadily', 'strictly', 'strongly', 'surely',
  'sweetly', 'swiftly', 'terribly', 'thankfully', 'totally', 'truly', 'usefully', 'usually', 'vastly', 'vitally',
  'warmly', 'wholly', 'widely', 'wildly', 'willingly', 'wisely', 'yearly',
];
