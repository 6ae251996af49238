import { z } from 'zod';
import type { Routes } from '../../platform/http/index.ts';
import { LawService } from './laws.service.ts';

const LawId = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{1,99}$/, { message: '法律法规编号只含小写字母、数字和连字符' })
  .meta({ description: 'Law id (the file name), e.g. xingzheng-xuke-fa-2019' });
const ArticleNo = z
  .string()
  .trim()
  .min(1)
  .max(20)
  .meta({ description: 'Article number: 42, 第四十二条 or 四十二', examples: ['42', '第四十二条'] });

const Summary = z.object({
  id: z.string(),
  title: z.string(),
  part: z.string().nullable(),
  aliases: z.array(z.string()),
  notes: z.array(z.string()),
  articleCount: z.number(),
  lastArticle: z.number().meta({ description: 'Highest article number in the text' }),
});
const Article = z.object({
  lawId: z.string(),
  lawTitle: z.string(),
  no: z.number(),
  label: z.string(),
  chapter: z.string().nullable(),
  section: z.string().nullable(),
  text: z.string().meta({ description: 'The paragraphs of the article, one per line, without its 第X条 label' }),
});

/** Public statute texts: the laws the guides cite, article by article (server/data/laws). */
export function registerLawRoutes(routes: Routes, laws = new LawService()): void {
  routes.define({
    method: 'GET',
    url: '/api/catalog/laws',
    tags: ['catalog'],
    summary: 'Statute texts available article by article (法律法规文本)',
    description: 'A legal basis whose law matches a title or alias can show the text of its article.',
    access: 'public',
    response: z.object({ items: z.array(Summary) }),
    handler: async () => laws.list(),
  });

  routes.define({
    method: 'GET',
    url: '/api/catalog/laws/:id/articles/:no',
    tags: ['catalog'],
    summary: 'One article of a statute (第X条) with its chapter',
    access: 'public',
    params: z.object({ id: LawId, no: ArticleNo }),
    response: Article,
    handler: async ({ params }) => laws.article(params.id, params.no),
  });
}
