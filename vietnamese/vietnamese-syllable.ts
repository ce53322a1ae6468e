// Whether a string is a well-formed Vietnamese syllable: an onset, a rhyme from the language's
// inventory, a spelling the onset allows (k, gh, ngh only before i, e, ê) and a tone the rhyme allows
// (c, ch, p, t endings take only sắc or nặng). One rule for the whole app: search accepts a word
// decoded from Telex, VNI or VIQR only when it is a syllable, and import tells a right legacy
// decoding from a wrong one by how many of its words are.

const TONES: Record<string, string> = { '\u0301': 'sac', '\u0300': 'huyen', '\u0309': 'hoi', '\u0303': 'nga', '\u0323': 'nang' };

const ONSETS = ['ngh', 'ng', 'gh', 'gi', 'kh', 'nh', 'ph', 'th', 'tr', 'ch', 'qu', 'b', 'c', 'd', 'đ', 'g', 'h', 'k', 'l', 'm', 'n', 'p', 'r', 's', 't', 'v', 'x', ''];

const RHYMES = new Set(
  `a ai ao au ay am an ang anh ac ach ap at ăm ăn ăng ăc ăp ăt âu ây âm ân âng âc âp ât
  e eo em en eng ec ep et ê êu êm ên ênh êch êp êt i ia iu im in inh ich ip it
  iêu iêm iên iêng iêc iêp iêt yêu yêm yên yêt y
  o oi om on ong oc op ot oong ooc oa oai oao oay oam oan oang oanh oac oach oap oat
  oăm oăn oăng oăc oăt oe oeo oen oet ô ôi ôm ôn ông ôc ôp ôt ơ ơi ơm ơn ơp ơt
  u ua ui um un ung uc up ut uân uâng uât uây uê uêch uênh uơ uôi uôm uôn uông uôc uôt
  uy uya uyu uych uynh uyt uyn uyên uyêt ư ưa ưi ưu ưng ưc ưt ưm ưn ươi ươu ươm ươn ương ươc ươp ươt`.split(/\s+/u),
);

/** Onsets spelt k, gh, ngh come before i, e, ê (and y); c, g, ng never do. */
function spellingFits(onset: string, rhyme: string): boolean {
  const front = /^[ieêy]/u.test(rhyme);
  if (onset === 'k' || onset === 'gh' || onset === 'ngh') return front;
  if (onset === 'c' || onset === 'g' || onset === 'ng') return !front;
  if (onset === 'qu') return !rhyme.startsWith('u') && !rhyme.startsWith('o');
  return true;
}

/** The tone and the toneless syllable, or null when it carries more than one tone. */
function splitTone(syllable: string): { bare: string; tone: string } | null {
  const decomposed = syllable.normalize('NFD');
  let tone = 'ngang';
  let bare = '';
  for (const char of decomposed) {
    const named = TONES[char];
    if (named === undefined) bare += char;
    else if (tone !== 'ngang') return null;
    else tone = named;
  }
  return { bare: bare.normalize('NFC'), tone };
}

export function isVietnameseSyllable(text: string): boolean {
  const split = splitTone(text.normalize('NFC').toLowerCase());
  if (!split) return false;
  const { bare, tone } = split;
  for (const onset of ONSETS) {
    if (!bare.startsWith(onset)) continue;
    const rest = bare.slice(onset.length);
    // gi before a rhyme that starts with i writes the i once: gì, gìn, giếng.
    for (const rhyme of onset === 'gi' ? [rest, `i${rest}`] : [rest]) {
      if (!RHYMES.has(rhyme) || !spellingFits(onset, rhyme)) continue;
      if (/(?:c|ch|p|t)$/u.test(rhyme) && tone !== 'sac' && tone !== 'nang') continue;
      return true;
    }
  }
  return false;
}
