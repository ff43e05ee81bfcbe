/**
 * From Wikidata's "instance of" (P31) classes to the pack's schema.org types.
 *
 * Wikidata's class tree is deep and a dump line does not carry it, so the common classes
 * of the news are listed here with their usual subclasses (a sovereign state is a
 * country, a capital is a city, a public company is a business…). An item whose classes
 * are all unknown becomes a Thing.
 */
import type { EntityType } from '../pack';

/** Class id → type, with the class's English label for the reader of this file. */
const CLASS_TYPES: Record<string, [EntityType, string]> = {
  Q5: ['Person', 'human'],
  Q15632617: ['Person', 'fictional human'],

  Q6256: ['Place', 'country'],
  Q3624078: ['Place', 'sovereign state'],
  Q7275: ['Place', 'state'],
  Q3024240: ['Place', 'historical country'],
  Q515: ['Place', 'city'],
  Q5119: ['Place', 'capital'],
  Q1549591: ['Place', 'big city'],
  Q1637706: ['Place', 'city with millions of inhabitants'],
  Q200250: ['Place', 'metropolis'],
  Q486972: ['Place', 'human settlement'],
  Q3957: ['Place', 'town'],
  Q532: ['Place', 'village'],
  Q15284: ['Place', 'municipality'],
  Q10864048: ['Place', 'first-level administrative division'],
  Q35657: ['Place', 'state of the United States'],
  Q82794: ['Place', 'geographic region'],
  Q23442: ['Place', 'island'],
  Q8502: ['Place', 'mountain'],
  Q4022: ['Place', 'river'],
  Q46831: ['Place', 'mountain range'],
  Q165: ['Place', 'sea'],
  Q5107: ['Place', 'continent'],
  Q1048835: ['Place', 'political territorial entity'],
  Q161243: ['Place', 'dependent territory'],

  Q43229: ['Organization', 'organization'],
  Q4830453: ['Organization', 'business'],
  Q783794: ['Organization', 'company'],
  Q891723: ['Organization', 'public company'],
  Q6881511: ['Organization', 'enterprise'],
  Q1331793: ['Organization', 'media company'],
  Q7278: ['Organization', 'political party'],
  Q7210356: ['Organization', 'political organization'],
  Q484652: ['Organization', 'international organization'],
  Q245065: ['Organization', 'intergovernmental organization'],
  Q1335818: ['Organization', 'supranational union'],
  Q163740: ['Organization', 'nonprofit organization'],
  Q79913: ['Organization', 'non-governmental organization'],
  Q327333: ['Organization', 'government agency'],
  Q2659904: ['Organization', 'government organization'],
  Q35749: ['Organization', 'parliament'],
  Q11204: ['Organization', 'legislature'],
  Q3918: ['Organization', 'university'],
  Q31855: ['Organization', 'research institute'],
  Q476028: ['Organization', 'association football club'],
  Q4438121: ['Organization', 'sports organization'],
  Q17149090: ['Organization', 'armed organization'],
  Q176799: ['Organization', 'military unit'],
  Q15911314: ['Organization', 'association'],
  Q1589009: ['Organization', 'privately held company'],
  Q22687: ['Organization', 'bank'],

  Q1656682: ['Event', 'event'],
  Q1190554: ['Event', 'occurrence'],
  Q40231: ['Event', 'public election'],
  Q858439: ['Event', 'presidential election'],
  Q1076105: ['Event', 'general election'],
  Q152203: ['Event', 'legislative election'],
  Q198: ['Event', 'war'],
  Q350604: ['Event', 'armed conflict'],
  Q178561: ['Event', 'battle'],
  Q645883: ['Event', 'military operation'],
  Q2761147: ['Event', 'summit meeting'],
  Q2020153: ['Event', 'academic conference'],
  Q1785271: ['Event', 'diplomatic conference'],
  Q3839081: ['Event', 'disaster'],
  Q8065: ['Event', 'natural disaster'],
  Q7944: ['Event', 'earthquake'],
  Q175331: ['Event', 'demonstration'],
  Q124757: ['Event', 'riot'],
  Q10931: ['Event', 'revolution'],
  Q45382: ['Event', "coup d'état"],
  Q5389: ['Event', 'Olympic Games'],
  Q16510064: ['Event', 'sporting event'],
  Q2223653: ['Event', 'terrorist attack'],

  Q11424: ['CreativeWork', 'film'],
  Q5398426: ['CreativeWork', 'television series'],
  Q7725634: ['CreativeWork', 'literary work'],
  Q571: ['CreativeWork', 'book'],
  Q482994: ['CreativeWork', 'album'],
  Q11032: ['CreativeWork', 'newspaper'],
  Q1002697: ['CreativeWork', 'periodical'],
  Q7397: ['CreativeWork', 'software'],
};

/** When an item has classes of several types ("city" and "municipality" agree; "state" and "organization" do not), the first of these wins. */
const TYPE_PRIORITY: readonly EntityType[] = ['Person', 'Place', 'Event', 'Organization', 'CreativeWork'];

/**
 * The pack type of an item from its P31 classes; `Thing` when none is known.
 * `extra` adds or overrides classes (a publisher's own `--type Q123=Event`).
 */
export function entityTypeOf(instanceOf: readonly string[], extra?: ReadonlyMap<string, EntityType>): EntityType {
  let best: EntityType = 'Thing';
  let bestRank = TYPE_PRIORITY.length;
  for (const cls of instanceOf) {
    const type = extra?.get(cls) ?? CLASS_TYPES[cls]?.[0];
    if (!type) continue;
    const rank = TYPE_PRIORITY.indexOf(type);
    if (rank >= 0 && rank < bestRank) {
      best = type;
      bestRank = rank;
    }
  }
  return best;
}
