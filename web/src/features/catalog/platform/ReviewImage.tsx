import { FileImageOutlined } from '@ant-design/icons';
import { Flex, Image, type ImageProps } from 'antd';
import { useState } from 'react';

export type ImageSize = 'thumb-100' | 'thumb-400' | 'large-1200' | 'original';

/**
 * An image of a submitted listing as operators see it: the platform route (any image a submission
 * references), else the storefront route (published images only), else a placeholder.
 */
export const reviewImageUrl = (id: string, size: ImageSize) => `/api/v1/platform/images/${id}/${size}`;
const storeImageUrl = (id: string, size: ImageSize) => `/api/v1/store/images/${id}/${size}`;

export function ReviewImage({
  id,
  size,
  width,
  height,
  ...rest
}: { id: string; size: ImageSize; width: number; height: number } & Omit<
  ImageProps,
  'src' | 'width' | 'height'
>) {
  const [attempt, setAttempt] = useState(0);
  if (attempt >= 2)
    return (
      <Flex
        align="center"
        justify="center"
        style={{
          width,
          height,
          background: '#f5f5f5',
          borderRadius: 4,
          color: '#bfbfbf',
          fontSize: Math.min(width, height) / 3,
        }}
        role="img"
        aria-label={typeof rest.alt === 'string' ? rest.alt : undefined}
      >
        <FileImageOutlined />
      </Flex>
    );
  return (
    <Image
      key={attempt}
      src={attempt === 0 ? reviewImageUrl(id, size) : storeImageUrl(id, size)}
      width={width}
      height={height}
      onError={() => setAttempt((a) => a + 1)}
      {...rest}
      style={{ objectFit: 'cover', borderRadius: 4, ...rest.style }}
    />
  );
}
